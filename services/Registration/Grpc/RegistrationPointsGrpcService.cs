using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Grpc;

public sealed class RegistrationPointsGrpcService : RegistrationPoints.RegistrationPointsBase;
