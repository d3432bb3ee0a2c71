package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Row;
import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WarehouseSession} over a Spark session. Every statement is its own Iceberg commit: what makes a
 * run's statements one unit is {@link RunBranch}, which {@link #commit} publishes and {@link #rollback}
 * drops. A side session has none, and each statement is published at once.
 */
class SparkSqlSession implements WarehouseSession {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSqlSession.class);
    /** The row of an INSERT ... VALUES (?, ...) statement, repeated for each row of a bulk insert. */
    private static final Pattern VALUES_ROW = Pattern.compile("(?is)\\bVALUES\\s*(\\([^()]*\\))\\s*$");
    /** Rows per statement of a bulk insert: each statement is one commit. */
    private static final int ROWS_PER_INSERT = 500;

    private final SparkSession spark;
    private final SqlScripts scripts;
    private final Optional<RunBranch> branch;
    private final SparkTarget target;

    SparkSqlSession(SparkSession spark, SqlScripts scripts, SparkTarget target, Optional<RunBranch> branch) {
        this.spark = spark;
        this.scripts = scripts;
        this.target = target;
        this.branch = branch;
    }

    SparkSession spark() {
        return spark;
    }

    @Override
    public SqlScripts scripts() {
        return scripts;
    }

    @Override
    public void execute(String script, Map<String, Long> parameters) {
        long started = System.nanoTime();
        for (String sql : scripts.statements(script, parameters)) {
            run("script " + script, sql, new Object[0]);
        }
        LOG.debug("{} (spark) took {} ms", script, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void update(String script, List<?> values) {
        run("script " + script, scripts.statement(script), values.toArray());
    }

    /** One INSERT per {@value #ROWS_PER_INSERT} rows, its VALUES row repeated: one commit each, not one a row. */
    @Override
    public void updateAll(String script, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String statement = scripts.statement(script);
        Matcher values = VALUES_ROW.matcher(statement);
        if (!values.find()) {
            rows.forEach(row -> update(script, row));
            return;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<? extends List<?>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(statement.substring(0, values.start(1)));
            List<Object> arguments = new ArrayList<>();
            for (List<?> row : chunk) {
                sql.append(arguments.isEmpty() ? "" : ", ").append(values.group(1));
                arguments.addAll(row);
            }
            run("script " + script, sql.toString(), arguments.toArray());
        }
    }

    @Override
    public List<Row> query(String sql) {
        List<Row> rows = new ArrayList<>();
        try {
            for (org.apache.spark.sql.Row row : spark.sql(sql).collectAsList()) {
                List<Object> values = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.get(i));
                }
                rows.add(new Row(values));
            }
        } catch (Exception e) {
            throw failed("a query", e);
        }
        return rows;
    }

    @Override
    public boolean hasTable(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Expected a table name of a-z and _, found '" + table + "'");
        }
        return spark.catalog().tableExists(target.table(table));
    }

    @Override
    public void commit() {
        branch.ifPresent(RunBranch::publish);
    }

    @Override
    public void rollback() {
        branch.ifPresent(RunBranch::drop);
    }

    @Override
    public void close() {}

    private void run(String what, String sql, Object[] arguments) {
        try {
            if (arguments.length == 0) {
                spark.sql(sql);
            } else {
                spark.sql(named(sql), byName(arguments));
            }
        } catch (Exception e) {
            throw failed(what, e);
        }
    }

    /**
     * The statement with its {@code ?} markers, outside quotes and comments, named {@code :p1, :p2, ...} in order: Spark
     * binds positional markers of an UPDATE's SET and WHERE in another order than they are written.
     */
    static String named(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        char quote = 0;
        int marker = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote == 0 && c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end - 1;
                continue;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                out.append(":p").append(++marker);
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    static Map<String, Object> byName(Object[] arguments) {
        Map<String, Object> named = new java.util.HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            named.put("p" + (i + 1), arguments[i]);
        }
        return named;
    }

    static SparkifyException failed(String what, Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new SparkifyException(ErrorCode.WAREHOUSE_FAILED, "Spark rejected " + what + ": " + message, e);
    }
}
