package dev.gatehouse.server.web.view;

/** The access portal, for now only who is signed in and a way to sign out. */
public record StartView(String userName, String csrf) { }
