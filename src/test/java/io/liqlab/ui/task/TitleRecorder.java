package io.liqlab.ui.task;

import java.util.List;
import java.util.concurrent.Executor;

/** For tests: a task executor that notes each submitted task's title (what the app's task list shows) and runs it on another. */
public final class TitleRecorder {
    private TitleRecorder() {
    }

    /** Runs tasks on {@code inner}, adding each one's title to {@code titles} as it is submitted. */
    public static TaskExecutor around(TaskExecutor inner, List<String> titles) {
        return new TaskExecutor() {
            @Override
            public <T> TaskHandle submit(BackgroundTask<T> task) {
                titles.add(task.title());
                return inner.submit(task);
            }

            @Override
            public Executor serial(String name) {
                return inner.serial(name);
            }
        };
    }
}
