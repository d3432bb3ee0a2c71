/**
 * One {@link com.sparkify.warehouse.Warehouse} per engine behind one interface. Engines differ in types,
 * keys and load mechanics, not in meaning: the SQL lives in {@code src/main/resources/sql/<engine>/} and
 * falls back to {@code sql/common/}. Adding an engine touches one package and one line of {@link
 * com.sparkify.warehouse.Warehouses}.
 */
package com.sparkify.warehouse;
