/**
 * The {@code gatehouse} command: AWS CLI-compatible SSO login, profiles and credentials. Talks to the server
 * only through the AWS SDK for Java v2 clients, and shares {@code ~/.aws} with the AWS CLI and the SDKs.
 */
package dev.gatehouse.cli;
