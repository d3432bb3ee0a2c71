/**
 * The PostgreSQL warehouse: every table in one schema ({@code --schema}, default {@code public}), staged
 * with {@code COPY ... FROM STDIN} streamed from the Java parser inside the run's transaction, one run at a
 * time per schema (an advisory lock), and failures that name the server, never the password.
 */
package com.sparkify.warehouse.postgres;
