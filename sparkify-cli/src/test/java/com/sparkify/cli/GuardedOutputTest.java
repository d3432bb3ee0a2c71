package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.analytics.RowSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GuardedOutputTest {
    private final List<Object> passed = new ArrayList<>();
    private final RowSink format = new RowSink() {
        @Override
        public void start(String name, List<String> columns) {}

        @Override
        public void row(List<Object> values) {
            passed.add(values.get(0));
        }

        @Override
        public void end(List<String> notes) {}
    };

    @Test
    void stopsTheAnswerWithinABatchOfAFailedOutput() {
        AtomicBoolean failed = new AtomicBoolean();
        GuardedOutput output = new GuardedOutput(format, failed::get);
        output.start("answer", List.of("n"));
        output.row(List.of(0L));
        failed.set(true);

        assertThatThrownBy(() -> {
                    for (long i = 1; i < 10 * GuardedOutput.CHECK_EVERY; i++) {
                        output.row(List.of(i));
                    }
                })
                .isInstanceOf(GuardedOutput.OutputFailed.class);
        assertThat(output.rows()).isEqualTo(GuardedOutput.CHECK_EVERY);
        assertThat(passed).hasSize(GuardedOutput.CHECK_EVERY);
    }

    @Test
    void anOutputThatFailsAtTheEndIsNoticed() {
        AtomicBoolean failed = new AtomicBoolean();
        GuardedOutput output = new GuardedOutput(format, failed::get);
        output.start("answer", List.of("n"));
        output.row(List.of(0L));
        failed.set(true);

        assertThatThrownBy(() -> output.end(List.of())).isInstanceOf(GuardedOutput.OutputFailed.class);
    }
}
