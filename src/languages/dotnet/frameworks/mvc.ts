import { dotnetFramework } from '../framework.js';

/** ASP.NET Core MVC and Razor Pages: a web project that renders views (its Views/, Pages/ and wwwroot/ are published with it). */
export const mvc = dotnetFramework({
  id: 'aspnetcore-mvc',
  title: 'ASP.NET Core MVC',
  markers: [/\.AddControllersWithViews\s*\(/, /\.AddRazorPages\s*\(/, /\.AddMvc\s*\(/, /\.MapControllerRoute\s*\(/, /\.MapRazorPages\s*\(/, /\.MapDefaultControllerRoute\s*\(/],
});
