package io.microdrama.deploy;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips a test class that renders manifests when no suitable kubectl is installed, with the reason in the report.
 * In CI (environment CI=true) it does not skip: the tests run and fail with that reason, so a CI run can never pass
 * without having validated the manifests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KubectlAvailable.Condition.class)
public @interface KubectlAvailable {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Kustomize.kubectl().isPresent()) {
                return ConditionEvaluationResult.enabled("kubectl found");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: " + Kustomize.missingKubectlMessage());
            }
            return ConditionEvaluationResult.disabled(Kustomize.missingKubectlMessage());
        }
    }
}
