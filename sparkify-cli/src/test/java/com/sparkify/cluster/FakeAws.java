package com.sparkify.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM, Redshift and EC2 on one local port, as far as {@code sparkify cluster} uses them: all three speak the
 * AWS query protocol (form-encoded {@code Action=...}, XML answers). Each request is recorded; each action
 * answers from a queue of canned responses, the last one repeating. {@code GET /ip} answers a "what is my IP".
 */
public final class FakeAws implements AutoCloseable {
    /** One recorded call. */
    public record Call(String action, Map<String, String> parameters) {
        public String get(String name) {
            return parameters.get(name);
        }
    }

    /** A canned answer. */
    public record Answer(int status, String body) {}

    public static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String REDSHIFT = "http://redshift.amazonaws.com/doc/2012-12-01/";
    public static final String EC2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private String callerIp = "203.0.113.7";

    public FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI whoami() {
        return endpoint().resolve("/ip");
    }

    public void callerIp(String ip) {
        this.callerIp = ip;
    }

    /** Answers {@code action} with these, in turn; the last one stays. */
    public synchronized FakeAws on(String action, Answer... sequence) {
        answers.put(action, new ArrayDeque<>(List.of(sequence)));
        return this;
    }

    /** Forgets every call and answer, for the next test. */
    public synchronized void reset() {
        calls.clear();
        answers.clear();
        callerIp = "203.0.113.7";
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> actions() {
        return calls.stream().map(Call::action).toList();
    }

    public synchronized List<Call> calls(String action) {
        return calls.stream().filter(call -> call.action().equals(action)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/ip")) {
                respond(exchange, new Answer(200, callerIp + "\n"));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> parameters = parse(body);
            String action = parameters.getOrDefault("Action", "?");
            Answer answer;
            synchronized (this) {
                calls.add(new Call(action, parameters));
                Deque<Answer> queue = answers.get(action);
                answer = queue == null
                        ? error(400, "Sender", "InvalidAction", "FakeAws has no answer for " + action)
                        : queue.size() > 1 ? queue.poll() : queue.peek();
            }
            respond(exchange, answer);
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fake-request");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(key, value);
        }
        return parameters;
    }

    // Canned answers in the shapes the services send.

    public static Answer ok(String action, String namespace, String result) {
        return new Answer(
                200,
                "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action
                        + "Response>");
    }

    public static Answer ec2(String action, String body) {
        return new Answer(
                200,
                "<" + action + "Response xmlns=\"" + EC2 + "\"><requestId>1</requestId>" + body + "</" + action
                        + "Response>");
    }

    public static Answer error(int status, String type, String code, String message) {
        return new Answer(
                status,
                "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
    }

    public static Answer ec2Error(int status, String code, String message) {
        return new Answer(
                status,
                "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error></Errors><RequestID>1</RequestID></Response>");
    }

    public static Answer role(String action, String name) {
        return role(action, name, null);
    }

    /** A role with this description, or none when null. */
    public static Answer role(String action, String name, String description) {
        String described = description == null ? "" : "<Description>" + description + "</Description>";
        return ok(
                action,
                IAM,
                "<Role><Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROAFAKE</RoleId><Arn>" + roleArn(name)
                        + "</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>" + described + "</Role>");
    }

    public static String roleArn(String name) {
        return "arn:aws:iam::123456789012:role/" + name;
    }

    public static Answer empty(String action, String namespace) {
        return new Answer(
                200,
                "<" + action + "Response xmlns=\"" + namespace + "\"><ResponseMetadata><RequestId>1</RequestId>"
                        + "</ResponseMetadata></" + action + "Response>");
    }

    public static Answer clusters(String identifier, String status, String host) {
        return ok("DescribeClusters", REDSHIFT, "<Clusters>" + cluster(identifier, status, host) + "</Clusters>");
    }

    public static String cluster(String identifier, String status, String host) {
        String endpoint = host == null ? "" : "<Endpoint><Address>" + host + "</Address><Port>5439</Port></Endpoint>";
        return "<Cluster><ClusterIdentifier>" + identifier + "</ClusterIdentifier><NodeType>dc2.large</NodeType>"
                + "<ClusterStatus>" + status + "</ClusterStatus><NumberOfNodes>4</NumberOfNodes>" + endpoint
                + "<VpcSecurityGroups><VpcSecurityGroup><VpcSecurityGroupId>sg-0fake</VpcSecurityGroupId>"
                + "<Status>active</Status></VpcSecurityGroup></VpcSecurityGroups></Cluster>";
    }

    public static Answer clusterNotFound(String identifier) {
        return error(404, "Sender", "ClusterNotFound", "Cluster " + identifier + " not found.");
    }

    public static Answer securityGroup(String port, String cidr, String description) {
        String rules = cidr == null
                ? ""
                : "<item><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port
                        + "</toPort><ipRanges><item><cidrIp>" + cidr + "</cidrIp><description>" + description
                        + "</description></item></ipRanges></item>";
        return ec2(
                "DescribeSecurityGroups",
                "<securityGroupInfo><item><groupId>sg-0fake</groupId><groupName>default</groupName>" + "<ipPermissions>"
                        + rules + "</ipPermissions></item></securityGroupInfo>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
