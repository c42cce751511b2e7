package dev.gatehouse.server.web.view.admin;

import java.util.Map;

/** The simulate page: the form, errors beside its fields, and the answer once there is one (else null). */
public record SimulateView(AdminFrame frame, SimulateForm form, Map<String, String> errors,
                           SimulationView result) { }
