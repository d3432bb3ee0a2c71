/** stage -> transform -> check, the load ledger ({@code etl_files}) and the run records ({@code etl_runs}). */
package com.sparkify.pipeline;
