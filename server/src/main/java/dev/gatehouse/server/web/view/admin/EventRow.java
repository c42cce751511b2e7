package dev.gatehouse.server.web.view.admin;

/**
 * One audit event as the console lists it.
 *
 * @param details the CloudTrail-shaped record as indented JSON, for the disclosure under the row
 */
public record EventRow(String eventTime, String eventName, String eventSource, String userName,
                       String sourceIpAddress, String errorCode, String errorMessage, String details) { }
