package com.sparkify.cluster;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS SDK failure into one line that says what was denied or what is missing. */
final class AwsFailures {
    private AwsFailures() {}

    /**
     * @param action the API call, as IAM names its permission: {@code iam:CreateRole}
     * @param e what the SDK threw
     */
    static SparkifyException translate(String action, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = String.valueOf(service.awsErrorDetails().errorCode());
            String message = String.valueOf(service.awsErrorDetails().errorMessage());
            if (isDenied(service)) {
                return new SparkifyException(
                        ErrorCode.CONFIG,
                        "AWS denied " + action + " (" + code + "): the caller needs the permission " + action
                                + extraPermission(action) + "; AWS says: " + message,
                        e);
            }
            // Throttling and AWS's own 5xx pass with time; any other refusal would be repeated.
            ErrorCode exit = service.isThrottlingException() || service.statusCode() >= 500
                    ? ErrorCode.WAREHOUSE_UNREACHABLE
                    : ErrorCode.WAREHOUSE_FAILED;
            return new SparkifyException(exit, "AWS refused " + action + " (" + code + "): " + message, e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return noCredentials(e);
        }
        return new SparkifyException(
                ErrorCode.WAREHOUSE_UNREACHABLE, "Cannot reach AWS for " + action + ": " + e.getMessage(), e);
    }

    static SparkifyException noCredentials(SdkException e) {
        return new SparkifyException(
                ErrorCode.CONFIG,
                "Expected AWS credentials, found none: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY, or run aws configure",
                e);
    }

    static boolean isDenied(AwsServiceException e) {
        String code = String.valueOf(e.awsErrorDetails().errorCode());
        return code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation") || code.equals("AuthFailure");
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
    }

    /** CreateCluster with an IAM role also needs the right to hand that role to Redshift. */
    private static String extraPermission(String action) {
        return action.equals("redshift:CreateCluster") ? " (and iam:PassRole on the cluster's role)" : "";
    }
}
