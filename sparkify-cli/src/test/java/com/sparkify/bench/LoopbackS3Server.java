package com.sparkify.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Not a test, and not S3: the two calls sparkify makes (ListObjectsV2, GetObject) answered from memory for one
 * bucket, so a benchmark can measure sparkify's side of many small downloads. S3Mock re-reads its whole key
 * index on every request, which makes a 15,000-object bucket measure S3Mock instead.
 */
final class LoopbackS3Server implements AutoCloseable {
    static {
        // The JDK's server leaves Nagle's algorithm on: a response written in two parts then waits for the
        // client's delayed ACK, 40 ms a request. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int PAGE = 1000;

    private final String bucket;
    private final NavigableMap<String, byte[]> objects = new TreeMap<>();
    private final Map<String, String> etags = new HashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpServer server;

    LoopbackS3Server(String bucket, Path folder) throws Exception {
        this.bucket = bucket;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String key = folder.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                objects.put(key, content);
                etags.put(key, HexFormat.of().formatHex(md5.digest(content)));
            }
        }
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith("/" + bucket)) {
                send(exchange, 501, "application/xml", new byte[0]);
            } else if (path.equals("/" + bucket) || path.equals("/" + bucket + "/")) {
                send(exchange, 200, "application/xml", list(query).getBytes(StandardCharsets.UTF_8));
            } else {
                String key = path.substring(bucket.length() + 2);
                byte[] content = objects.get(key);
                if (content == null) {
                    send(exchange, 404, "application/xml", error("NoSuchKey"));
                } else {
                    exchange.getResponseHeaders().add("ETag", "\"" + etags.get(key) + "\"");
                    send(exchange, 200, "application/json", content);
                }
            }
        }
    }

    private String list(Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String token = query.get("continuation-token");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>")
                .append(bucket)
                .append("</Name><Prefix>")
                .append(prefix)
                .append("</Prefix>");
        int count = 0;
        String last = null;
        NavigableMap<String, byte[]> rest =
                token == null ? objects.tailMap(prefix, true) : objects.tailMap(token, false);
        for (Map.Entry<String, byte[]> object : rest.entrySet()) {
            if (!object.getKey().startsWith(prefix) || count == PAGE) {
                break;
            }
            xml.append("<Contents><Key>").append(object.getKey()).append("</Key><ETag>&quot;");
            xml.append(etags.get(object.getKey())).append("&quot;</ETag><Size>").append(object.getValue().length);
            xml.append("</Size><LastModified>2018-11-01T00:00:00.000Z</LastModified></Contents>");
            last = object.getKey();
            count++;
        }
        boolean truncated = last != null
                && objects.higherKey(last) != null
                && objects.higherKey(last).startsWith(prefix);
        xml.append("<KeyCount>")
                .append(count)
                .append("</KeyCount><MaxKeys>")
                .append(PAGE)
                .append("</MaxKeys>");
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextContinuationToken>").append(last).append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static byte[] error(String code) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
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
