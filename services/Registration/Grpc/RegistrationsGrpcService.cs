using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Grpc;

public sealed partial class RegistrationsGrpcService : Registrations.RegistrationsBase;
