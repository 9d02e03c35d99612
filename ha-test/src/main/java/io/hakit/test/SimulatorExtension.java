package io.hakit.test;

import io.hakit.model.Vendor;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.spi.AdapterProvider;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.model.tls.TlsSettings;
import io.hakit.sim.DeviceSimulator;
import io.hakit.sim.ServerIdentity;
import io.hakit.sim.spi.SimulatorProvider;
import io.hakit.sim.spi.SimulatorSettings;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one vendor's simulator for a test class or method, injects it (and an adapter connected
 * to it) into parameters and fields, and stops it after. The simulator is found through
 * {@link SimulatorProvider}, the adapter through {@link AdapterProvider}, both with
 * {@link ServiceLoader}, so this module depends on neither. Subclassed once per vendor.
 */
public abstract class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private final Vendor vendor;
    private final ExtensionContext.Namespace namespace;

    /** What the annotation asked for. */
    record Options(String user, String password, boolean tls, SimulatorLifecycle lifecycle) {
    }

    SimulatorExtension(Vendor vendor) {
        this.vendor = vendor;
        this.namespace = ExtensionContext.Namespace.create(SimulatorExtension.class, vendor);
    }

    abstract Options options(Class<?> testClass);

    static <A extends Annotation> A annotation(Class<?> testClass, Class<A> type) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            A a = c.getAnnotation(type);
            if (a != null) {
                return a;
            }
        }
        throw new ExtensionConfigurationException(testClass.getName() + " is not annotated with @" + type.getSimpleName());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Options o = options(context.getRequiredTestClass());
        if (o.lifecycle() == SimulatorLifecycle.PER_CLASS) {
            Running r = start(o);
            context.getStore(namespace).put(Running.class, r);
            injectFields(null, context.getRequiredTestClass(), r, true);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Options o = options(context.getRequiredTestClass());
        Running r;
        if (o.lifecycle() == SimulatorLifecycle.PER_METHOD) {
            r = start(o);
            context.getStore(namespace).put(Running.class, r);
        } else {
            r = running(context);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance, instance.getClass(), r, false);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectable(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running r = context.getStore(namespace).get(Running.class, Running.class);
        if (r == null) {
            // a constructor parameter with PER_METHOD: the instance is made before beforeEach
            Options o = options(context.getRequiredTestClass());
            r = start(o);
            context.getStore(namespace).put(Running.class, r);
        }
        return value(parameter.getParameter().getType(), r);
    }

    private Running running(ExtensionContext context) {
        Running r = context.getStore(namespace).get(Running.class, Running.class);
        if (r == null) {
            throw new ExtensionConfigurationException("no " + vendor + " simulator is running for " + context.getDisplayName());
        }
        return r;
    }

    private boolean injectable(Class<?> type) {
        if (type == DeviceTarget.class) {
            return true;
        }
        if (DeviceSimulator.class.isAssignableFrom(type)) {
            return simulatorProvider().map(p -> type.isAssignableFrom(p.simulatorType())).orElse(false);
        }
        return LoadBalancerAdapter.class.isAssignableFrom(type)
                && adapterProvider().map(p -> type.isAssignableFrom(p.adapterType())).orElse(false);
    }

    private Object value(Class<?> type, Running r) {
        if (type == DeviceTarget.class) {
            return r.target;
        }
        if (DeviceSimulator.class.isAssignableFrom(type)) {
            return type.cast(r.simulator);
        }
        LoadBalancerAdapter a = r.adapter(adapterProvider().orElseThrow(() -> new ParameterResolutionException(
                "no AdapterProvider for " + vendor + " on the class path: add the " + vendor + " adapter module")));
        if (!type.isInstance(a)) {
            throw new ParameterResolutionException("the " + vendor + " adapter is a " + a.getClass().getName()
                    + ", not a " + type.getName());
        }
        return a;
    }

    private void injectFields(Object instance, Class<?> type, Running r, boolean staticOnly) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (Modifier.isFinal(f.getModifiers()) || isStatic != staticOnly || !injectable(f.getType())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(isStatic ? null : instance, value(f.getType(), r));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot inject " + c.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
    }

    private Optional<SimulatorProvider> simulatorProvider() {
        for (SimulatorProvider p : ServiceLoader.load(SimulatorProvider.class, SimulatorExtension.class.getClassLoader())) {
            if (p.vendor() == vendor) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Optional<AdapterProvider> adapterProvider() {
        for (AdapterProvider p : ServiceLoader.load(AdapterProvider.class, SimulatorExtension.class.getClassLoader())) {
            if (p.vendor() == vendor) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Running start(Options o) {
        SimulatorProvider provider = simulatorProvider().orElseThrow(() -> new ExtensionConfigurationException(
                "no SimulatorProvider for " + vendor + " on the class path: add the " + vendor + " simulator module"));
        Optional<ServerIdentity> identity = Optional.empty();
        TlsSettings tls = TlsSettings.defaults();
        if (o.tls()) {
            ThrowawayCa ca = ThrowawayCa.create("hakit " + vendor + " simulator CA");
            ThrowawayCa.Issued cert = ca.issue(c -> c.commonName("127.0.0.1").ipAddresses("127.0.0.1").dnsNames("localhost"));
            identity = Optional.of(new ServerIdentity(cert.chain().certificates().toArray(new X509Certificate[0]),
                    cert.privateKey()));
            tls = TlsSettings.builder().platformTrust(false).trust(List.of(ca.certificate())).build();
        }
        DeviceSimulator sim = provider.start(new SimulatorSettings(o.user(), o.password(), identity));
        return new Running(sim, DeviceTarget.of(sim.url(), o.user(), o.password().toCharArray(), tls));
    }

    /** One running simulator and the adapters opened on it; closed by JUnit with its store. */
    private static final class Running implements AutoCloseable {
        final DeviceSimulator simulator;
        final DeviceTarget target;
        private final List<LoadBalancerAdapter> adapters = new ArrayList<>();

        Running(DeviceSimulator simulator, DeviceTarget target) {
            this.simulator = simulator;
            this.target = target;
        }

        synchronized LoadBalancerAdapter adapter(AdapterProvider provider) {
            if (adapters.isEmpty()) {
                adapters.add(provider.open(target));
            }
            return adapters.get(0);
        }

        @Override
        public synchronized void close() {
            try {
                adapters.forEach(LoadBalancerAdapter::close);
            } finally {
                simulator.close();
            }
        }
    }
}
