package org.xueliang.tracker.identity;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.PageResponse;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    PageResponse<UserService.UserView> list() {
        List<UserService.UserView> all = users.list();
        return new PageResponse<>(all, all.size(), 0, all.size());
    }

    @GetMapping("/{id}")
    UserService.UserView get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    ResponseEntity<UserService.UserView> create(@RequestBody UserService.UserInput in) {
        var created = users.create(in);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    UserService.UserView update(@PathVariable long id, @RequestBody UserService.UserInput in) {
        return users.update(id, in);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    UserService.UserView unlock(@PathVariable long id) {
        return users.unlock(id);
    }
}
