package dev.gatehouse.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the jte templates in {@code src/main/jte}, compiled to classes at build time (no template parsing or
 * compiler at run time). Html content type: every {@code ${…}} is escaped for where it stands.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** @param model the template's one {@code @param}, a record from {@code web.view} */
    public void render(Context ctx, int status, String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        ctx.status(status).contentType("text/html; charset=utf-8").result(output.toString());
    }
}
