package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;

/** The catch-all of {@link ProblemDetailsAdvice} and the input bounds next to it (issue 9). */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void anUnexpectedFailureIsA500ProblemWithAReferenceAndNoInternals() throws Exception {
        ResponseEntity<ProblemDetail> answer = advice.handleUnexpected(
                new IllegalStateException("org.example.Secret: table xl_secret is gone"), new MockHttpServletRequest("GET", "/api/v1/x"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = answer.getBody();
        String reference = (String) body.getProperties().get("correlationId");
        assertThat(reference).hasSize(36);
        assertThat(body.getDetail()).contains(reference).doesNotContain("Secret", "xl_secret", "IllegalState");
    }

    @Test
    void securityRefusalsAreLeftToTheFilterChain() {
        assertThatThrownBy(() -> advice.handleUnexpected(new AccessDeniedException("no"), new MockHttpServletRequest()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sortsWithEmptyPartsAndPagesBeyondTheBoundAreBadRequests() {
        Map<String, String> sortable = Map.of("id", "id");
        for (String sort : new String[] {",", ",desc", "id,", "id,asc,id", " , "}) {
            assertThatThrownBy(() -> PageRequests.parseSort(sort, sortable, Sort.unsorted())).as(sort)
                    .isInstanceOf(ApiException.class).hasMessageStartingWith("sort must be");
        }
        assertThat(PageRequests.parseSort("id,desc", sortable, Sort.unsorted())).isEqualTo(Sort.by(Sort.Direction.DESC, "id"));
        assertThatThrownBy(() -> PageRequests.of(PageRequests.MAX_PAGE + 1, 20)).hasMessage("page must be between 0 and 100000");
        assertThat(PageRequests.of(PageRequests.MAX_PAGE, PageRequests.MAX_SIZE).getOffset()).isLessThan(Integer.MAX_VALUE);
    }

    @Test
    void aDecimalColumnRefusesWhatItWouldRound() {
        DecimalColumn money = new DecimalColumn(15, 2);
        assertThat(money.problem("p", new BigDecimal("1E-400"))).get().extracting(FieldProblem::message).isEqualTo("p has at most 2 decimals");
        assertThat(money.problem("p", new BigDecimal("1E+400"))).get().extracting(FieldProblem::message)
                .isEqualTo("p has at most 13 digits before the decimal point");
        assertThat(money.problem("p", new BigDecimal("12800.500"))).isEmpty();
        assertThat(money.problem("p", new BigDecimal("9999999999999.99"))).isEmpty();
        assertThat(money.problem("p", null)).isEmpty();
    }
}
