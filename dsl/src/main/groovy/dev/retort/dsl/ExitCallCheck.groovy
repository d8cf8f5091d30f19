package dev.retort.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.SyntaxException

/**
 * Refuses {@code System.exit}, {@code Runtime.getRuntime().exit} and {@code .halt} in a script when it
 * compiles: Retort runs scripts inside its own JVM, so such a call would end Retort mid-run, under the
 * migration lock, with exit 0 and nothing said.
 */
@CompileStatic
class ExitCallCheck extends CompilationCustomizer {

    ExitCallCheck() {
        super(CompilePhase.SEMANTIC_ANALYSIS)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Visitor(source).visitClass(classNode)
    }

    private static final class Visitor extends ClassCodeVisitorSupport {
        final SourceUnit source

        Visitor(SourceUnit source) {
            this.source = source
        }

        @Override
        protected SourceUnit getSourceUnit() {
            source
        }

        @Override
        void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.methodAsString
            Expression receiver = call.objectExpression
            if ((name == 'exit' && isClass(receiver, System)) || ((name == 'exit' || name == 'halt') && mentionsRuntime(receiver))) {
                refuse(call, (isClass(receiver, System) ? 'System' : 'Runtime') + '.' + name)
            }
            super.visitMethodCallExpression(call)
        }

        @Override
        void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            // a static import: import static java.lang.System.exit
            if (call.method == 'exit' && call.ownerType.name in [System.name, Runtime.name]) {
                refuse(call, call.ownerType.nameWithoutPackage + '.exit')
            }
            super.visitStaticMethodCallExpression(call)
        }

        private static boolean isClass(Expression e, Class<?> type) {
            e instanceof ClassExpression && ((ClassExpression) e).type.name == type.name
        }

        // Runtime.getRuntime(), Runtime.runtime, or a variable of type Runtime
        private static boolean mentionsRuntime(Expression e) {
            if (isClass(e, Runtime) || e.type.name == Runtime.name) {
                return true
            }
            if (e instanceof MethodCallExpression) {
                return mentionsRuntime(((MethodCallExpression) e).objectExpression)
            }
            if (e instanceof PropertyExpression) {
                return mentionsRuntime(((PropertyExpression) e).objectExpression)
            }
            false
        }

        private void refuse(Expression call, String what) {
            source.addError(new SyntaxException("${what}() would end Retort itself in the middle of a run; "
                    + 'remove it (to stop a migration, throw an exception)', call.lineNumber, call.columnNumber))
        }
    }
}
