package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.DataKind;
import com.sparkify.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text sparkify generates for Redshift's COPY, against golden files. */
class CopyGoldenTest {
    @TempDir
    Path dir;

    private CopySettings settings(String config) throws Exception {
        Files.writeString(dir.resolve("dwh.cfg"), config);
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(SettingsResolver.Flags.none());
        return CopySettings.of(settings);
    }

    private static SourceFile object(String uri, DataKind kind) {
        return new SourceFile(uri, kind, 1234, "\"9b2cf535f27731c974343645a3985328\"", Optional.empty());
    }

    private static final String CLASSIC =
            """
            [IAM_ROLE]
            ARN = arn:aws:iam::123456789012:role/dwhRole
            [S3]
            LOG_JSONPATH = s3://udacity-dend/log_json_path.json
            MANIFEST_PREFIX = s3://my-sparkify/manifests
            REGION = us-west-2
            """;

    @Test
    void copyOfAnEventLogWithTheClassicJsonPaths() throws Exception {
        CopyPlan plan = CopyPlan.of(
                List.of(
                        object("s3://udacity-dend/log_data/2018/11/2018-11-01-events.json", DataKind.EVENTS),
                        object("s3://udacity-dend/log_data/2018/11/2018-11-02-events.json.gz", DataKind.EVENTS)),
                7,
                settings(CLASSIC));

        Golden.assertMatches(
                "copy-events.sql", plan.copy(0).sql() + ";\n\n" + plan.copy(1).sql() + ";\n");
        assertThat(plan.generatedJsonPaths()).isEmpty();
    }

    @Test
    void copyOfSongFilesWithGeneratedJsonPaths() throws Exception {
        CopyPlan plan = CopyPlan.of(
                List.of(object("s3://udacity-dend/song_data/A/A/A/TRAAAAK128F9318786.json", DataKind.SONGS)),
                7,
                settings(CLASSIC.replace("REGION = us-west-2\n", "")));

        Golden.assertMatches("copy-songs.sql", plan.copy(0).sql() + ";\n");
        assertThat(plan.jsonPaths()).isEqualTo("s3://my-sparkify/manifests/jsonpaths/songs.json");
        assertThat(plan.manifest(0)).isEqualTo("s3://my-sparkify/manifests/run-7/songs-000001.manifest");
    }

    @Test
    void jsonPathsFollowTheStagingColumns() {
        Golden.assertMatches("events.jsonpaths.json", JsonPaths.of(RecordLayout.EVENTS));
        Golden.assertMatches("songs.jsonpaths.json", JsonPaths.of(RecordLayout.SONGS));
    }

    @Test
    void eventsJsonPathsAreThoseOfTheClassicLogJsonPathFile() throws Exception {
        List<String> classic = List.of(
                "$['artist']",
                "$['auth']",
                "$['firstName']",
                "$['gender']",
                "$['itemInSession']",
                "$['lastName']",
                "$['length']",
                "$['level']",
                "$['location']",
                "$['method']",
                "$['page']",
                "$['registration']",
                "$['sessionId']",
                "$['song']",
                "$['status']",
                "$['ts']",
                "$['userAgent']",
                "$['userId']");
        List<String> generated = new ArrayList<>();
        new ObjectMapper()
                .readTree(JsonPaths.of(RecordLayout.EVENTS))
                .get("jsonpaths")
                .forEach(path -> generated.add(path.asText()));

        assertThat(generated).isEqualTo(classic);
    }

    @Test
    void aManifestListsExactlyItsObjectsAsMandatory() {
        Golden.assertMatches(
                "manifest.json",
                Manifest.of(List.of(
                        object("s3://udacity-dend/log_data/2018/11/2018-11-01-events.json", DataKind.EVENTS),
                        object("s3://other-bucket/it's/2018-11-02-events.json.gz", DataKind.EVENTS))));
    }

    @Test
    void printedCopyNeverShowsAnAccessKey() {
        String copy = "COPY t FROM 's3://b/m' CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key=wJal/"
                + "EXAMPLEKEY;token=FwoGZXIvEXAMPLE' JSON 'auto';\n"
                + "COPY t FROM 's3://b/m' ACCESS_KEY_ID 'AKIAEXAMPLE' SECRET_ACCESS_KEY AS 'wJalEXAMPLEKEY' "
                + "SESSION_TOKEN 'FwoGZXIvEXAMPLE' IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole';";

        String printed = CopyStatement.redact(copy);

        assertThat(printed)
                .doesNotContain("AKIAEXAMPLE", "EXAMPLEKEY", "FwoGZXIvEXAMPLE")
                .contains(
                        "aws_access_key_id=****;aws_secret_access_key=****;token=****",
                        "ACCESS_KEY_ID '****' SECRET_ACCESS_KEY AS '****' SESSION_TOKEN '****'",
                        "IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'");
    }

    @Test
    void configValuesThatWouldNeedQuotingAreRefused() throws Exception {
        assertThatThrownBy(() -> settings(CLASSIC.replace("s3://my-sparkify/manifests", "s3://my-sparkify/it's")))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected an s3://bucket/folder for [S3] MANIFEST_PREFIX, found 's3://my-sparkify/it's'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
        assertThatThrownBy(() -> settings(CLASSIC.replace(":role/dwhRole", ":role/x' CREDENTIALS 'y")))
                .hasMessageStartingWith("Expected an IAM role ARN for [IAM_ROLE] ARN");
    }

    @Test
    void copyNeedsTheRoleAndTheManifestFolder() throws Exception {
        CopySettings none = settings("[S3]\nLOG_DATA = s3://udacity-dend/log_data\n");
        List<SourceFile> files = List.of(object("s3://b/k.json", DataKind.EVENTS));

        assertThatThrownBy(() -> CopyPlan.of(files, 1, none)).hasMessageStartingWith("Expected [IAM_ROLE] ARN");
        assertThatThrownBy(() ->
                        CopyPlan.of(files, 1, settings("[IAM_ROLE]\nARN = arn:aws:iam::123456789012:role/dwhRole\n")))
                .hasMessageStartingWith("Expected [S3] MANIFEST_PREFIX");
    }

    @Test
    void onlyS3ObjectsCanBeCopied() throws Exception {
        List<SourceFile> local =
                List.of(new SourceFile("/data/log_data/day.json", DataKind.EVENTS, 1, "m", Optional.empty()));

        assertThatThrownBy(() -> CopyPlan.of(local, 1, settings(CLASSIC)))
                .hasMessageStartingWith("Expected s3:// objects for Redshift's COPY, found /data/log_data/day.json");
    }
}
