/**
 * The Amazon Redshift warehouse. Files are staged server-side: one {@code COPY ... MANIFEST} per new or changed
 * S3 object into a temporary table, then into staging with its lineage ({@code source_file}, {@code load_id}).
 * Rows Redshift rejects are read back from {@code stl_load_errors} into {@code load_errors}. A run holds {@code
 * LOCK etl_lock} in a session of its own, as Redshift has no advisory locks.
 */
package com.sparkify.warehouse.redshift;
