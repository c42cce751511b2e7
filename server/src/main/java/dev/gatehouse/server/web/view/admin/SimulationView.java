package dev.gatehouse.server.web.view.admin;

import java.util.List;

/**
 * A simulation's answer as shown.
 *
 * @param verdict   {@code allow}, {@code deny (explicit)} or {@code deny (implicit)}
 * @param context   the context keys the request was decided with, one {@code key=value} each
 */
public record SimulationView(boolean allowed, String verdict, String decidingStatement, String reason,
                             List<String> context) { }
