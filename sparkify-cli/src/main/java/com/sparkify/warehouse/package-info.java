/**
 * One {@link com.sparkify.warehouse.Warehouse} per engine behind one interface. Engines differ in types,
 * keys and load mechanics, not in meaning: the SQL lives in {@code src/main/resources/sql/<engine>/} and
 * falls back to {@code sql/common/}. Adding an engine touches its package, its SQL folder and one line of
 * {@code META-INF/services/com.sparkify.warehouse.WarehouseFactory}.
 */
package com.sparkify.warehouse;
