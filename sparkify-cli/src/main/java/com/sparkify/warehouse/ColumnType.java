package com.sparkify.warehouse;

/**
 * The kind of a column's values as a {@link WarehouseReader} passes them: what a writer of the answer
 * (an export) needs to give the column a type. Values are Java objects:
 *
 * <ul>
 *   <li>{@link #BIGINT}, {@link #INTEGER}: a {@link Number};
 *   <li>{@link #DOUBLE}, {@link #DECIMAL}: a {@link Number} (a {@link java.math.BigDecimal} for DECIMAL);
 *   <li>{@link #BOOLEAN}: a {@link Boolean};
 *   <li>{@link #TIMESTAMP}: a {@link java.time.LocalDateTime}, a time without a zone, as stored;
 *   <li>{@link #DATE}: a {@link java.time.LocalDate};
 *   <li>{@link #TEXT}: anything else, whose {@code toString()} is its text (a String for text columns).
 * </ul>
 *
 * Any value may be null.
 */
public enum ColumnType {
    BIGINT,
    INTEGER,
    DOUBLE,
    DECIMAL,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    TEXT
}
