package uds.support.testing;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import uds.support.ThisProcess;

/** Skips a {@link RequiresRoot} test with its reason unless the tests run as root. */
final class RootCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresRoot> annotation = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresRoot.class));
        if (annotation.isEmpty() || ThisProcess.isRoot()) {
            return ConditionEvaluationResult.enabled("running as root");
        }
        return ConditionEvaluationResult.disabled(annotation.get().value() + " needs root: run the tests as root"
                + " to see this (they run as uid " + ThisProcess.uid() + ")");
    }
}
