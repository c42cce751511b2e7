/**
 * What each page template is given: one record per template, so a template and the code that fills it cannot
 * drift apart unnoticed (the precompiled templates are type-checked with the rest of the code). Public only
 * because the generated template classes live in jte's own package.
 */
package dev.gatehouse.server.web.view;
