package dev.gatehouse.it.authz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Sends a request the AWS SDK's signer signed, through the JDK's HTTP client. */
final class SignedHttp {

    private SignedHttp() {
    }

    /** @param call the method, address and body to send; the signed headers are added to it */
    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder call, SdkHttpRequest signed) {
        signed.headers().forEach((name, values) -> {
            // The JDK client sets Host itself and refuses it as a header.
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> call.header(name, value));
            }
        });
        try {
            return http.send(call.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
