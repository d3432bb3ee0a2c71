package com.sparkify.cluster;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a "what is my IP" service, by default AWS's own {@code https://checkip.amazonaws.com}. */
public final class CheckIpAddress implements CallerAddress {
    public static final URI DEFAULT = URI.create("https://checkip.amazonaws.com");

    private final URI service;

    public CheckIpAddress(URI service) {
        this.service = service;
    }

    @Override
    public String lookup() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(service)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw failure("it answered HTTP " + response.statusCode(), null);
            }
            return response.body().strip();
        } catch (IOException e) {
            throw failure(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        }
    }

    private SparkifyException failure(String what, Exception cause) {
        return new SparkifyException(
                ErrorCode.CONFIG,
                "Cannot find this machine's public address from " + service + " (" + what
                        + "); pass --allow-from YOUR.PUBLIC.IP",
                cause);
    }
}
