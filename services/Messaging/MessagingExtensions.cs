using DonationRegistry.Contracts;
using DonationRegistry.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DonationRegistry.Messaging;

/// <summary>Registers a service's messaging: MassTransit on RabbitMQ, the outbox relay and cleaner, and the broker health check.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Adds MassTransit on the RabbitMQ broker named by the connection string <c>messaging</c>, with receive endpoints configured by
    /// convention (kebab-case queue names prefixed with <see cref="MessagingOptions.ServiceName"/>, retries with
    /// <see cref="MessagingOptions.RetryIntervals"/>, then <c>_error</c>), the transactional outbox of <typeparamref name="TDbContext"/>
    /// (an interceptor on the context, the relay and the cleaner) and a readiness check of the bus tagged <c>ready</c>.
    /// </summary>
    /// <remarks>
    /// Call once per service, with the DbContext registered separately (e.g. <c>AddServiceDbContext</c>) whose
    /// <c>OnModelCreating</c> calls <see cref="ModelBuilderExtensions.AddOutboxInbox"/>.
    /// </remarks>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="configureBus">Registers the service's consumers, e.g. <c>x =&gt; x.AddConsumer&lt;VolunteerRegisteredConsumer&gt;()</c>.</param>
    /// <param name="configureOptions">Adjusts the options bound from the <c>Messaging</c> configuration section.</param>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureBus = null, Action<MessagingOptions>? configureOptions = null)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(MessagingOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{MessagingOptions.ConnectionStringName}' is missing (ConnectionStrings:{MessagingOptions.ConnectionStringName}, "
                + "amqp://user:password@host:port/vhost; the AppHost sets ConnectionStrings__messaging).");
        var broker = BrokerAddress.Parse(connectionString);

        var options = new MessagingOptions();
        builder.Configuration.GetSection(MessagingOptions.SectionName).Bind(options);
        configureOptions?.Invoke(options);
        options.ServiceName = EndpointNames.Kebab(string.IsNullOrWhiteSpace(options.ServiceName)
            ? builder.Environment.ApplicationName.Split('.')[^1]
            : options.ServiceName);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        // Outbox of TDbContext.
        services.AddSingleton<OutboxSignal<TDbContext>>();
        services.AddSingleton<OutboxInterceptor<TDbContext>>();
        services.ConfigureDbContext<TDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxInterceptor<TDbContext>>()));
        services.AddSingleton<OutboxRelay<TDbContext>>();
        services.AddSingleton<OutboxCleaner<TDbContext>>();

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.ServiceName + "-", includeNamespace: false));
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = MessagingHealth.BusCheckName;
                h.MinimalFailureStatus = HealthStatus.Unhealthy;
                h.Tags.Add(MessagingHealth.ReadyTag);
            });
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (options.RetryIntervals.Count > 0)
                {
                    endpoint.UseMessageRetry(r => r.Intervals([.. options.RetryIntervals]));
                }
            });
            configureBus?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    if (broker.UseTls)
                    {
                        h.UseSsl(s => s.ServerName = broker.Host);
                    }
                });
                if (options.PrefetchCount > 0)
                {
                    cfg.PrefetchCount = options.PrefetchCount;
                }
                // Events are published to their own exchange only, not to one for the marker interface as well.
                cfg.Publish<IIntegrationEvent>(p => p.Exclude = true);
                cfg.ConfigureEndpoints(context);
            });
        });

        // After MassTransit's hosted service, so the bus is starting when the relay first publishes.
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TDbContext>>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxCleaner<TDbContext>>());
        return builder;
    }
}
