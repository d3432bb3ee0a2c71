package com.sparkify.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A hand-written HTTP proxy in front of an S3 server. It numbers requests as they arrive (from 1) and asks
 * its plan what to do with each: answer with an S3 error itself, or forward the request and relay the answer.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    /** An error answer, as S3 sends it. */
    public enum Fault {
        SLOW_DOWN(503, "SlowDown", "Please reduce your request rate."),
        INTERNAL_ERROR(500, "InternalError", "We encountered an internal error. Please try again.");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    static {
        // The JDK's server leaves Nagle's algorithm on: a response written in two parts then waits for the
        // client's delayed ACK, 40 ms a request. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "date");

    private final String target;
    private final IntFunction<Fault> plan;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final Map<Fault, AtomicInteger> served = new EnumMap<>(Fault.class);

    /** Paths of GET answers whose body is cut in half, and how many more times each. */
    private final Map<String, AtomicInteger> cuts = new java.util.concurrent.ConcurrentHashMap<>();

    private final AtomicInteger cut = new AtomicInteger();

    private FaultInjectingProxy(String target, IntFunction<Fault> plan) throws IOException {
        this.target = target;
        this.plan = plan;
        for (Fault fault : Fault.values()) {
            served.put(fault, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a proxy for {@code target}; {@code plan} returns the fault for a request number, or null to forward. */
    public static FaultInjectingProxy start(String target, IntFunction<Fault> plan) throws IOException {
        return new FaultInjectingProxy(target, plan);
    }

    /**
     * The next {@code times} answers to a GET of {@code path} (such as {@code /bucket/key}) announce the whole
     * body but send only its first half, then close the connection: a download cut short.
     */
    public void cutBody(String path, int times) {
        cuts.put(path, new AtomicInteger(times));
    }

    /** Answers whose body was cut. */
    public int cut() {
        return cut.get();
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int served(Fault fault) {
        return served.get(fault).get();
    }

    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Fault fault = plan.apply(requests.incrementAndGet());
            if (fault != null) {
                served.get(fault).incrementAndGet();
                String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code
                        + "</Code><Message>" + fault.message + "</Message><RequestId>proxy</RequestId></Error>";
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                send(exchange, fault.status, body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            forward(exchange);
            forwarded.incrementAndGet();
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        AtomicInteger cutsLeft = cuts.get(exchange.getRequestURI().getPath());
        if ("GET".equals(exchange.getRequestMethod())
                && response.body().length > 1
                && cutsLeft != null
                && cutsLeft.getAndDecrement() > 0) {
            cut.incrementAndGet();
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            OutputStream out = exchange.getResponseBody();
            out.write(response.body(), 0, response.body().length / 2);
            out.flush();
            // Closing with bytes missing makes the server drop the connection.
            return;
        }
        send(exchange, response.statusCode(), response.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
