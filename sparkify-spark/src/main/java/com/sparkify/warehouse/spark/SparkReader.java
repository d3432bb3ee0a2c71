package com.sparkify.warehouse.spark;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.Column;
import com.sparkify.warehouse.ColumnType;
import com.sparkify.warehouse.ReadQuery;
import com.sparkify.warehouse.ResultSink;
import com.sparkify.warehouse.WarehouseReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Reads the published tables: a session of its own, without the run's branch, so it sees what {@code main}
 * holds. Rows stream to the sink a partition at a time. Spark has no read-only transaction: a read-only
 * query is parsed first, and refused unless it is a query.
 */
final class SparkReader implements WarehouseReader {
    private final SparkSession spark;

    SparkReader(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public long read(ReadQuery query, long maxRows, ResultSink sink) {
        if (query.readOnly()) {
            refuseWrites(query);
        }
        Dataset<Row> answer;
        try {
            String sql = SparkSqlSession.named(query.sql());
            answer = query.parameters().isEmpty()
                    ? spark.sql(sql)
                    : spark.sql(sql, SparkSqlSession.byName(query.parameters().toArray()));
            if (maxRows < Integer.MAX_VALUE) {
                answer = answer.limit((int) maxRows);
            }
        } catch (Exception e) {
            throw SparkSqlSession.failed(query.what(), e);
        }
        StructField[] fields = answer.schema().fields();
        List<Column> columns = new ArrayList<>(fields.length);
        for (StructField field : fields) {
            columns.add(new Column(field.name(), type(field.dataType())));
        }
        sink.start(columns);
        long passed = 0;
        List<Object> values = new ArrayList<>(fields.length);
        try {
            Iterator<Row> rows = answer.toLocalIterator();
            while (passed < maxRows && rows.hasNext()) {
                Row row = rows.next();
                values.clear();
                for (int i = 0; i < fields.length; i++) {
                    values.add(value(row.get(i)));
                }
                sink.row(values);
                passed++;
            }
        } catch (SparkifyException e) {
            throw e;
        } catch (Exception e) {
            throw SparkSqlSession.failed(query.what(), e);
        }
        return passed;
    }

    private void refuseWrites(ReadQuery query) {
        LogicalPlan plan;
        try {
            plan = ((org.apache.spark.sql.classic.SparkSession) spark)
                    .sessionState()
                    .sqlParser()
                    .parsePlan(query.sql());
        } catch (Exception e) {
            throw SparkSqlSession.failed(query.what(), e);
        }
        if (plan instanceof UnresolvedWith with) {
            plan = with.child();
        }
        if (plan instanceof Command || plan instanceof InsertIntoStatement) {
            throw new SparkifyException(
                    ErrorCode.USAGE,
                    query.what() + ": only a query can run here, found a statement that writes or changes"
                            + " settings (" + plan.nodeName() + ")");
        }
    }

    static ColumnType type(DataType type) {
        if (type.equals(DataTypes.LongType)) {
            return ColumnType.BIGINT;
        }
        if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            return ColumnType.INTEGER;
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
            return ColumnType.DOUBLE;
        }
        if (type instanceof DecimalType) {
            return ColumnType.DECIMAL;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return ColumnType.BOOLEAN;
        }
        if (type.equals(DataTypes.TimestampNTZType) || type.equals(DataTypes.TimestampType)) {
            return ColumnType.TIMESTAMP;
        }
        if (type.equals(DataTypes.DateType)) {
            return ColumnType.DATE;
        }
        return ColumnType.TEXT;
    }

    /** Spark's instants (a TIMESTAMP with the session's zone, UTC) as the UTC time without a zone. */
    private static Object value(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }
}
