package io.liqlab.ui.learn;

import java.util.List;
import java.util.function.Consumer;

/**
 * One idea, set up on screen: a title, what to look at, and steps that each put the screens in a state (the first
 * step is applied when the example opens).
 */
public record GuidedExample(String id, String title, String explanation, List<Step> steps) {

    public GuidedExample {
        steps = List.copyOf(steps);
    }

    public record Step(String label, Consumer<LearningTargets> apply) {
    }

    public void open(LearningTargets targets) {
        steps.getFirst().apply().accept(targets);
    }
}
