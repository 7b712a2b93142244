using Academy.Infra;
using Pulumi;

return await Deployment.RunAsync<AcademyStack>();
