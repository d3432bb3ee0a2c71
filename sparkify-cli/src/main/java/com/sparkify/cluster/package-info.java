/**
 * {@code sparkify cluster}: a Redshift cluster from code, with the AWS SDK. An IAM role that can read S3, a
 * cluster from the config's {@code [CLUSTER]} values, its port opened to the caller's address only, and all of
 * it removed again. Nothing here prints; the CLI shows the progress it is told.
 */
package com.sparkify.cluster;
