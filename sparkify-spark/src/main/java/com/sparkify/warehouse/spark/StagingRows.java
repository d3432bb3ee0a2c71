package com.sparkify.warehouse.spark;

import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows a staging task emits, all of one schema: {@code entry} says what a row is. A {@code row} is a
 * staged record in the staging table's columns; a {@code reject} is a record for load_errors; a {@code file}
 * closes each file with its counts and its unknown keys. Only staged rows are written to the staging table;
 * the others go back to the driver, one per reject and per file.
 */
final class StagingRows {
    static final String ROW = "row";
    static final String REJECT = "reject";
    static final String FILE = "file";

    private StagingRows() {}

    /** The staging table's columns: the layout's fields, then source_file, source_record, load_id. */
    static List<String> stagingColumns(RecordLayout layout) {
        List<String> columns = new ArrayList<>();
        layout.fields().forEach(field -> columns.add(field.column()));
        columns.addAll(List.of("source_file", "source_record", "load_id"));
        return columns;
    }

    static StructType schema(RecordLayout layout) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("entry", DataTypes.StringType, false));
        for (Field field : layout.fields()) {
            fields.add(DataTypes.createStructField(field.column(), type(field), true));
        }
        fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("source_record", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("load_id", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("line_number", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("reason", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("raw_text", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("rows_read", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("rows_staged", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("rows_rejected", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("incomplete", DataTypes.BooleanType, true));
        fields.add(DataTypes.createStructField(
                "unknown_keys", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(Field field) {
        return switch (field.type()) {
            case TEXT -> DataTypes.StringType;
            case BIGINT -> DataTypes.LongType;
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }
}
