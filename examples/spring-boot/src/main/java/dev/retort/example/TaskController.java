package dev.retort.example;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /tasks}: every task with its owner's username. */
@RestController
public class TaskController {
    private final TaskRepository tasks;

    public TaskController(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /** One line of the answer. */
    public record TaskView(String title, String status, String owner) {
    }

    @GetMapping("/tasks")
    @Transactional(readOnly = true)
    public List<TaskView> all() {
        return tasks.findAll().stream()
                .map(t -> new TaskView(t.getTitle(), t.getStatus(), t.getOwner() == null ? null : t.getOwner().getUsername()))
                .toList();
    }
}
