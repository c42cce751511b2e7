package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.simulation.AccessSimulator.AsUser;
import dev.gatehouse.core.simulation.AccessSimulator.Simulation;
import dev.gatehouse.core.simulation.AccessSimulator.WithPolicies;
import dev.gatehouse.core.simulation.AccessSimulator;
import dev.gatehouse.core.simulation.SimulatedRequest;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.SimulateForm;
import dev.gatehouse.server.web.view.admin.SimulateView;
import dev.gatehouse.server.web.view.admin.SimulationView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/simulate}: would this request be allowed? The same simulator as {@code gatehouse-server admin
 * simulate}, for a user's role in an account or for policies typed here; the answer names the deciding statement.
 * Nothing changes, so nothing is audited. The permission set page links here with its name filled in.
 */
final class SimulatePage {

    private final AccessSimulator simulator;
    private final Templates templates;

    SimulatePage(AccessSimulator simulator, Templates templates) {
        this.simulator = simulator;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.SIMULATE, this::show);
        routes.post(AdminPaths.SIMULATE, this::simulate);
    }

    private void show(Context ctx, Admin admin) {
        SimulateForm form = new SimulateForm(SimulateForm.AS_USER, Forms.query(ctx, "user"),
                Forms.query(ctx, "account"), Forms.query(ctx, "permissionSet"), "", "", "", "", "*", "");
        render(ctx, admin, 200, form, Map.of(), null);
    }

    private void simulate(Context ctx, Admin admin) {
        SimulateForm form = new SimulateForm(Forms.text(ctx, "as"), Forms.text(ctx, "user"),
                Forms.text(ctx, "account"), Forms.text(ctx, "permissionSet"), Forms.text(ctx, "managedPolicies"),
                Forms.text(ctx, "inlinePolicy"), Forms.text(ctx, "permissionsBoundary"), Forms.text(ctx, "action"),
                Forms.text(ctx, "resource"), Forms.text(ctx, "context"));
        Simulation simulation = Refusable.call(() -> simulation(form),
                refusal -> render(ctx, admin, 400, form, FieldErrors.of(refusal, "User", "user", "Account", "account",
                        "Permission set", "permissionSet"), null));
        render(ctx, admin, 200, form, Map.of(), new SimulationView(simulation.decision().allowed(),
                simulation.verdict(), simulation.decidingStatement(), simulation.decision().reason(),
                simulation.context().entrySet().stream()
                        .flatMap(key -> key.getValue().stream().map(value -> key.getKey() + "=" + value))
                        .toList()));
    }

    private Simulation simulation(SimulateForm form) {
        SimulatedRequest request = SimulatedRequest.of(form.action(), form.resource(), lines(form.context()));
        return form.asUser()
                ? simulator.simulate(new AsUser(form.user(), form.account(), form.permissionSet()), request)
                : simulator.simulate(new WithPolicies(Forms.lines(form.managedPolicies()), form.inlinePolicy(),
                        form.permissionsBoundary()), request);
    }

    /** Context keys one per line; values may hold commas (a list of IP ranges is two lines, not one). */
    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private void render(Context ctx, Admin admin, int status, SimulateForm form, Map<String, String> errors,
                        SimulationView result) {
        templates.render(ctx, status, "admin/simulate.jte",
                new SimulateView(admin.frame("simulate", ctx), form, errors, result));
    }
}
