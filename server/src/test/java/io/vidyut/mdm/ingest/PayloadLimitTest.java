package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** An oversize batch is refused with 413 and a problem that says how to fix it. */
class PayloadLimitTest {
    final PayloadLimit limit = new PayloadLimit(1_000);

    @Test
    void a_batch_at_the_limit_passes_and_one_byte_more_is_refused() {
        assertThatCode(() -> limit.check(1_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.check(1_001)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(413);
            assertThat(e.getBody().getDetail()).contains("at most 1000 bytes").contains("Split it");
        });
    }

    @Test
    void a_stream_is_read_no_further_than_one_byte_past_the_limit() {
        long[] served = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'a';
            }
        };
        assertThatThrownBy(() -> limit.read(endless)).isInstanceOfSatisfying(ErrorResponseException.class, e ->
                assertThat(e.getStatusCode().value()).isEqualTo(413));
        assertThat(served[0]).isEqualTo(1_001);
        assertThatCode(() -> assertThat(limit.read(new java.io.ByteArrayInputStream(new byte[1_000]))).hasSize(1_000))
                .doesNotThrowAnyException();
    }
}
