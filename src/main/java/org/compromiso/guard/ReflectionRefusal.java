package org.compromiso.guard;

import java.beans.FeatureDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First in the engine's resolver chain: refuses, before any other resolver acts, every step of an expression that
 * leads to reflection, to a process or class loader, or to the engine's services ({@code ''.getClass().forName(...)},
 * {@code execution.processEngineServices.identityService}). Everything else is left to the resolvers after it.
 */
final class ReflectionRefusal extends ELResolver {

    // lower case: JUEL finds getClass() for the property "class", "Class" and the like
    static final Set<String> REFUSED_NAMES = Set.of("class", "getclass", "classloader", "getclassloader",
            "forname", "loadclass", "getmethod", "getdeclaredmethod", "getmethods", "getdeclaredmethods",
            "getconstructor", "getdeclaredconstructor", "getfield", "getdeclaredfield", "newinstance", "invoke",
            "getruntime", "exec", "processengineservices", "getprocessengineservices", "processengine",
            "getprocessengine");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        refuseIfDangerous(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        refuseIfDangerous(base, method);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        refuseIfDangerous(base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        refuseIfDangerous(base, property);
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        refuseIfDangerous(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private static void refuseIfDangerous(Object base, Object name) {
        if (base == null) {
            return;
        }
        if (isDangerous(base) || name != null && REFUSED_NAMES.contains(name.toString().toLowerCase(Locale.ROOT))) {
            throw new ELException("Expressions may not use reflection or the engine's services: '" + name + "' of "
                    + base.getClass().getSimpleName() + " refused");
        }
    }

    private static boolean isDangerous(Object base) {
        return base instanceof Class<?> || base instanceof ClassLoader || base instanceof AccessibleObject
                || base instanceof Member || base instanceof Runtime || base instanceof ProcessBuilder
                || base instanceof Process || base instanceof Thread || base instanceof Module
                || base instanceof ProcessEngine || base instanceof ProcessEngineServices;
    }
}
