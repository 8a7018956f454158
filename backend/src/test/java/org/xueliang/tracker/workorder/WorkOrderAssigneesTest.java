package org.xueliang.tracker.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * The assignee picker's list ({@code GET /api/v1/projects/{id}/work-order-assignees}): the enabled users who work
 * orders of that project, no one else; only managers read it, and only for projects in their scope. A name it lists is
 * one the opening check takes.
 */
@OnH2
class WorkOrderAssigneesTest extends ApiTestSupport {

    private static final String URL = "/api/v1/projects/{id}/work-order-assignees";

    private List<String> usernames(long projectId, String caller) throws Exception {
        JsonNode list = read(perform(get(URL, projectId), caller).andExpect(status().isOk()));
        List<String> names = new ArrayList<>();
        list.forEach(u -> {
            String username = u.get("username").asString();
            if (username.startsWith("asg-")) { // this test's users, created with the display name "测试 <username>"
                assertThat(u.get("displayName").asString()).isEqualTo("测试 " + username);
            }
            names.add(username);
        });
        return names;
    }

    @Test
    void listsTheEnabledWorkersOfTheProjectForItsManagersOnly() throws Exception {
        long scratch = scratchProject();
        ensureUser("asg-tech-here", "TECHNICIAN", scratch);
        ensureUser("asg-tech-elsewhere", "TECHNICIAN", PROJECT);
        ensureUser("asg-tech-gone", "TECHNICIAN", scratch);
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'asg-tech-gone'");
        ensureUser("asg-evaluator-here", "EVALUATOR", scratch);
        ensureUser("asg-manager-here", "MANAGER", scratch);
        ensureUser("asg-manager-elsewhere", "MANAGER", PROJECT);

        List<String> listed = usernames(scratch, "asg-manager-here");
        assertThat(listed).contains("asg-tech-here", "asg-manager-here")
                .doesNotContain("asg-tech-elsewhere", "asg-tech-gone", "asg-evaluator-here", "asg-manager-elsewhere");
        assertThat(listed).isSorted();
        assertThat(usernames(PROJECT, "asg-manager-elsewhere")).contains("asg-tech-elsewhere").doesNotContain("asg-tech-here");
        assertThat(usernames(scratch, ADMIN)).isEqualTo(listed);

        perform(get(URL, scratch), "asg-tech-here").andExpectAll(problem(403));
        perform(get(URL, scratch), "asg-manager-elsewhere").andExpectAll(problem(404));

        // every listed name passes the check on opening; a name it leaves out does not
        long device = createDevice(withProject(scratch)).get("id").asLong();
        perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(device), "reason", "派单测试",
                "assignee", "asg-tech-gone")), "asg-manager-here").andExpectAll(problem(422));
        JsonNode opened = read(perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(device),
                "reason", "派单测试", "assignee", "asg-tech-here")), "asg-manager-here").andExpect(status().isCreated()));
        assertThat(opened.get("assignee").asString()).isEqualTo("asg-tech-here");
    }

    private Map<String, Object> withProject(long projectId) {
        Map<String, Object> fields = newDevice(unique("ASG"));
        fields.put("projectId", projectId);
        return fields;
    }
}
