package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.cluster.AwsClients;
import com.sparkify.cluster.CallerAddress;
import com.sparkify.cluster.CheckIpAddress;
import com.sparkify.cluster.ClusterId;
import com.sparkify.cluster.ClusterProvisioner;
import com.sparkify.cluster.ClusterSpec;
import com.sparkify.cluster.ClusterState;
import com.sparkify.cluster.Pause;
import com.sparkify.config.IniFileEditor;
import com.sparkify.config.Settings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {
            "Creates, shows and deletes the Redshift cluster of the config file, with your AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or aws configure).",
            "",
            "Config keys: [CLUSTER] CLUSTER_IDENTIFIER, CLUSTER_TYPE, NUM_NODES, NODE_TYPE, DB_NAME, DB_USER, DB_PASSWORD, DB_PORT, REGION; [IAM_ROLE] ROLE_NAME. A classic dwh.cfg works too: the identifier and region come from [CLUSTER] HOST when missing, and [IAM_ROLE] ARN without ROLE_NAME names a role to use, which sparkify never creates or deletes.",
            ""
        },
        subcommands = {ClusterCommand.Create.class, ClusterCommand.Status.class, ClusterCommand.Delete.class})
final class ClusterCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing a subcommand: create, status or delete; see sparkify cluster --help");
    }

    /** --config and the logging options, as every command has them; a cluster has no use for --warehouse. */
    static final class ConfigOptions {
        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "INI config in the classic dwh.cfg layout. Default: $SPARKIFY_CONFIG, then ./dwh.cfg if "
                        + "present.")
        Path config;

        @Mixin
        LoggingOptions logging = new LoggingOptions();

        Settings resolve() {
            CommonOptions common = new CommonOptions();
            common.config = config;
            common.logging = logging;
            return common.resolve();
        }
    }

    /** How long create and delete wait; status waits for nothing. */
    static final class WaitOptions {
        @Option(
                names = "--timeout-minutes",
                paramLabel = "N",
                defaultValue = "30",
                description = "How long to wait for the cluster to become available or go (default: ${DEFAULT-VALUE}).")
        long timeoutMinutes;

        Duration timeout() {
            return Duration.ofMinutes(timeoutMinutes);
        }
    }

    /** Options of every cluster subcommand. */
    static final class AwsOptions {
        @Option(names = "--aws-endpoint", hidden = true, description = "Send every AWS call to this URL (tests).")
        URI endpoint;

        @Option(names = "--poll-seconds", hidden = true, defaultValue = "15")
        long pollSeconds;

        ClusterProvisioner provisioner(AwsClients clients, PrintWriter err, Duration timeout) {
            return new ClusterProvisioner(
                    clients,
                    line -> {
                        err.println(line);
                        err.flush();
                    },
                    Pause.SLEEP,
                    Clock.systemUTC(),
                    Duration.ofSeconds(pollSeconds),
                    timeout);
        }

        /**
         * Right after the options: a command without credentials fails before it checks the config's keys or
         * calls anyone, rather than after it has begun.
         */
        void requireCredentials() {
            AwsClients.requireCredentials();
        }

        AwsClients clients(Optional<String> region) {
            return AwsClients.create(region, Optional.ofNullable(endpoint));
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates the IAM role (AmazonS3ReadOnlyAccess) and the cluster, waits until it is available, opens its port to this machine's public address only (/32), and writes [CLUSTER] HOST and [IAM_ROLE] ARN into the config file. Existing role and cluster are reused, so it is safe to run again."
            })
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions common;

        @Mixin
        AwsOptions aws;

        @Mixin
        WaitOptions waiting;

        @Option(
                names = "--allow-from",
                paramLabel = "IP",
                description = "The public IPv4 address to open the port to. Default: this machine's, as "
                        + "https://checkip.amazonaws.com sees it.")
        String allowFrom;

        @Option(names = "--whoami-url", hidden = true, description = "Where to ask for this machine's address.")
        URI whoami;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.resolve();
            aws.requireCredentials();
            Path config = configFile(settings);
            ClusterSpec cluster = ClusterSpec.of(settings);
            CallerAddress caller = allowFrom != null
                    ? () -> allowFrom
                    : new CheckIpAddress(whoami != null ? whoami : CheckIpAddress.DEFAULT);
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = aws.clients(cluster.region())) {
                ClusterState state = aws.provisioner(clients, spec.commandLine().getErr(), waiting.timeout())
                        .create(cluster, caller);
                String host = state.endpoint().orElseThrow();
                IniFileEditor.open(config)
                        .set("CLUSTER", "HOST", host)
                        .set("IAM_ROLE", "ARN", state.roleArn().orElseThrow())
                        .write(config);
                out.printf(
                        "Cluster %s is available at %s:%d, open to %s only%n",
                        state.identifier(), host, state.port(), String.join(", ", state.openTo()));
                out.printf("Wrote [CLUSTER] HOST and [IAM_ROLE] ARN to %s%n", config);
                if (!settings.warehouseUrl().startsWith("jdbc:redshift:")
                        && !settings.warehouseUrl().equals(Settings.DEFAULT_WAREHOUSE)) {
                    out.println("Note: $SPARKIFY_WAREHOUSE or [WAREHOUSE] URL names another warehouse, and wins over "
                            + "[CLUSTER] HOST; remove it to load this cluster");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {"Shows the cluster's state, endpoint and nodes, its IAM role, and who its port is open to."})
    static final class Status implements Callable<Integer> {
        @Mixin
        ConfigOptions common;

        @Mixin
        AwsOptions aws;

        @Option(names = "--json", description = "Print the state, or the error, as one line of JSON on stdout.")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.resolve();
            aws.requireCredentials();
            ClusterId id = ClusterId.of(settings);
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = aws.clients(id.region())) {
                ClusterState state = aws.provisioner(clients, spec.commandLine().getErr(), Duration.ZERO)
                        .status(id);
                if (json) {
                    Json.print(out, Json.success(spec, StatusJson.of(id, state)));
                } else if (state.exists()) {
                    out.printf(
                            "cluster   %s: %s, %d x %s%n",
                            state.identifier(),
                            state.status().orElseThrow(),
                            state.numberOfNodes(),
                            state.nodeType().orElse("?"));
                    out.printf(
                            "endpoint  %s%n",
                            state.endpoint()
                                    .map(host -> host + ":" + state.port())
                                    .orElse("(none yet)"));
                    out.printf(
                            "open to   %s%n",
                            state.openTo().isEmpty() ? "(no sparkify rule)" : String.join(", ", state.openTo()));
                } else {
                    out.printf("cluster   %s: none%n", state.identifier());
                }
                if (!json) {
                    out.printf(
                            "role      %s: %s%n", id.roleName(), state.roleArn().orElse("none"));
                }
            }
            out.flush();
            return 0;
        }

        /** The cluster's state under --json; a value AWS does not have yet is null. */
        record StatusJson(
                String identifier,
                boolean exists,
                String status,
                String endpoint,
                int port,
                String nodeType,
                int numberOfNodes,
                List<String> openTo,
                String roleName,
                String roleArn) {
            static StatusJson of(ClusterId id, ClusterState state) {
                return new StatusJson(
                        state.identifier(),
                        state.exists(),
                        state.status().orElse(null),
                        state.endpoint().orElse(null),
                        state.port(),
                        state.nodeType().orElse(null),
                        state.numberOfNodes(),
                        state.openTo(),
                        id.roleName(),
                        state.roleArn().orElse(null));
            }
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Closes the port sparkify opened, deletes the cluster WITHOUT a final snapshot (its data is lost), waits until it is gone, then deletes the IAM role. The config file is left as it is."
            })
    static final class Delete implements Callable<Integer> {
        @Mixin
        ConfigOptions common;

        @Mixin
        AwsOptions aws;

        @Mixin
        WaitOptions waiting;

        @Option(names = "--yes", description = "Confirm: the cluster and all its data are deleted.")
        boolean yes;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.resolve();
            aws.requireCredentials();
            ClusterId id = ClusterId.of(settings);
            if (!yes) {
                throw new SparkifyException(
                        ErrorCode.USAGE,
                        "This deletes cluster " + id.identifier() + " and all its data, without a final snapshot, "
                                + (id.managesRole()
                                        ? "and the IAM role " + id.roleName() + " if sparkify created it"
                                        : "but not the IAM role of [IAM_ROLE] ARN")
                                + "; run again with --yes");
            }
            boolean roleDeleted;
            try (AwsClients clients = aws.clients(id.region())) {
                roleDeleted = aws.provisioner(clients, spec.commandLine().getErr(), waiting.timeout())
                        .delete(id);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (roleDeleted) {
                out.printf("Deleted cluster %s and IAM role %s%n", id.identifier(), id.roleName());
            } else {
                out.printf("Deleted cluster %s; IAM role %s left as it is%n", id.identifier(), id.roleName());
            }
            out.flush();
            return 0;
        }
    }

    private static Path configFile(Settings settings) {
        return settings.configFile()
                .orElseThrow(() -> new SparkifyException(
                        ErrorCode.CONFIG,
                        "Expected a config file to read the cluster from and write its endpoint to, found none; "
                                + "pass --config dwh.cfg"));
    }
}
