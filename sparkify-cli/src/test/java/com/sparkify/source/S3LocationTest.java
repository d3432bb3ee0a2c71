package com.sparkify.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test
    void parsesBucketAndPrefixOfS3AndS3aUris() {
        assertThat(S3Location.parse("s3://udacity-dend/song_data"))
                .isEqualTo(new S3Location("udacity-dend", "song_data"));
        assertThat(S3Location.parse("s3a://bucket/a/b/")).isEqualTo(new S3Location("bucket", "a/b/"));
        assertThat(S3Location.parse("s3://bucket")).isEqualTo(new S3Location("bucket", ""));
        assertThat(S3Location.parse("s3a://bucket/x").toString()).isEqualTo("s3://bucket/x");
    }

    @Test
    void refusesALocationWithoutABucket() {
        assertThatThrownBy(() -> S3Location.parse("s3:///song_data"))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected an S3 location such as s3://BUCKET/PREFIX, found 's3:///song_data'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void aPrefixIsAFolderOrOneObject() {
        S3Location folder = new S3Location("b", "song_data");

        assertThat(folder.holds("song_data/A/TR1.json")).isTrue();
        assertThat(folder.holds("song_data")).isTrue();
        assertThat(folder.holds("song_data2/A/TR1.json")).isFalse();
        assertThat(folder.holds("song_data.json")).isFalse();
        assertThat(new S3Location("b", "logs/").holds("logs/x.json")).isTrue();
        assertThat(new S3Location("b", "").holds("anything.json")).isTrue();
    }

    @Test
    void uriAndKeyAreInverse() {
        S3Location location = new S3Location("b", "log_data");

        assertThat(location.uri("log_data/2018/11/a.json")).isEqualTo("s3://b/log_data/2018/11/a.json");
        assertThat(location.key("s3://b/log_data/2018/11/a.json")).isEqualTo("log_data/2018/11/a.json");
    }
}
