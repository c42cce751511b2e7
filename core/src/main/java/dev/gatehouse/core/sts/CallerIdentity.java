package dev.gatehouse.core.sts;

/** GetCallerIdentity's answer, as STS names it. */
public record CallerIdentity(String userId, String account, String arn) { }
