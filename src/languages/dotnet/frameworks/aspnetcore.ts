import { dotnetFramework } from '../framework.js';

/** ASP.NET Core (Microsoft.NET.Sdk.Web): minimal APIs and Web API controllers; the default for a web project. */
export const aspnetcore = dotnetFramework({ id: 'aspnetcore', title: 'ASP.NET Core', markers: [] });
