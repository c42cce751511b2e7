/**
 * What each admin console template is given: one record per page, plus {@link AdminFrame} for the layout around it
 * and {@link AdminPaths} for the links between pages. Public only because the generated template classes live in
 * jte's own package.
 */
package dev.gatehouse.server.web.view.admin;
