package org.venuegate.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.venuegate.core.json.Json;

/** The benchmarks run their real path at small size and report every figure (timings are not asserted). */
class PipelineBenchTest {
    @Test
    void pipelineDecodesEveryCodeFrameAndReportsEachFigure() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(PipelineBench.run(640, 480, 60, new PrintWriter(out, true))).isZero();
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.get("decoded").asInt()).isGreaterThan(45);
        for (String k : new String[] {"frame_p50_ms", "frame_p99_ms", "frame_cpu_p50_ms", "empty_p50_ms", "journal_write_p99_ms",
                "code_to_prompt_p95_ms"}) {
            assertThat(json.get(k).asDouble()).as(k).isPositive();
        }
        assertThat(json.get("warmup_frames").asInt()).isEqualTo(30);
        int readBy = 0;
        for (JsonNode n : json.get("read_by")) {
            readBy += n.asInt();
        }
        assertThat(readBy).isEqualTo(json.get("decoded").asInt());
        assertThat(json.get("gc").asText()).isNotBlank();
        assertThat(json.get("load_avg")).hasSize(2);
    }

    @Test
    void soakReportsHeapAndRssAsItGoes() throws Exception {
        StringWriter out = new StringWriter();
        SoakBench.run(200, new PrintWriter(out, true));
        String[] lines = out.toString().trim().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(20);
        JsonNode last = Json.mapper().readTree(lines[lines.length - 1]);
        assertThat(last.get("done").asInt()).isEqualTo(200);
        assertThat(Json.mapper().readTree(lines[lines.length - 2]).get("journal").asLong()).isEqualTo(200);
    }
}
