/**
 * .NET apps for the e2e tier: written by us, shaped like real projects (an
 * ASP.NET Core minimal API with EF Core on PostgreSQL, its migrations in the
 * repository, dotnet-ef in the local tool manifest), with no Docker files. The
 * e2e tier runs `dockerize --yes` in each, so detection decides everything.
 *
 * They need Microsoft's images (mcr.microsoft.com) and nuget.org, which the
 * rig has no stand-in for: `pullOnly` names the images, so where they can't be
 * pulled the app's compose file is checked (`docker compose config`) and the
 * rest is skipped, with the reason.
 */
import { versions } from '../../src/versions.js';
import type { App } from './python-apps.js';

const line = '9.0';
const images = versions.dotnetImages[line];

export const dotnetApps: App[] = [
  {
    // Minimal API + EF Core (Npgsql): the migration bundle creates the table and seeds it; the route answers the rows.
    id: 'dotnet-minimal-api-npgsql-ef',
    route: '/api/items',
    expect: [
      { id: 1, name: 'bolt', qty: 120 },
      { id: 2, name: 'nut', qty: 300 },
    ],
    services: ['postgres'],
    migrates: true,
    pullOnly: [images.sdk, images.aspnet],
    files: {
      'Inventory.Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net${line}</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>Inventory.Api</RootNamespace>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="9.0.4">
      <PrivateAssets>all</PrivateAssets>
      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
    </PackageReference>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="9.0.4" />
  </ItemGroup>

</Project>
`,
      '.config/dotnet-tools.json': `{
  "version": 1,
  "isRoot": true,
  "tools": {
    "dotnet-ef": {
      "version": "9.0.4",
      "commands": ["dotnet-ef"],
      "rollForward": false
    }
  }
}
`,
      'Program.cs': `using Inventory.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<InventoryDb>(options => options
    .UseNpgsql(builder.Configuration.GetConnectionString("Default"))
    // The migrations here are written by hand, without a model snapshot.
    .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

var app = builder.Build();

app.MapGet("/health", async (InventoryDb db, CancellationToken cancel) =>
    await db.Database.CanConnectAsync(cancel)
        ? Results.Ok(new { status = "ok", checks = new { postgres = "ok" } })
        : Results.Json(new { status = "error", checks = new { postgres = "error" } }, statusCode: 503));

app.MapGet("/api/items", async (InventoryDb db) =>
    await db.Items.OrderBy(i => i.Id).Select(i => new { id = i.Id, name = i.Name, qty = i.Qty }).ToListAsync());

app.Run();
`,
      'InventoryDb.cs': `using Microsoft.EntityFrameworkCore;

namespace Inventory.Api;

public class Item
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Qty { get; set; }
}

public class InventoryDb(DbContextOptions<InventoryDb> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Item>(e =>
        {
            e.ToTable("items");
            e.Property(i => i.Id).HasColumnName("id");
            e.Property(i => i.Name).HasColumnName("name");
            e.Property(i => i.Qty).HasColumnName("qty");
        });
    }
}
`,
      'Migrations/20250301120000_Initial.cs': `using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Inventory.Api.Migrations;

[DbContext(typeof(InventoryDb))]
[Migration("20250301120000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "items",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(type: "text", nullable: false),
                qty = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_items", x => x.id));

        migrationBuilder.InsertData(
            table: "items",
            columns: new[] { "id", "name", "qty" },
            values: new object[,] { { 1, "bolt", 120 }, { 2, "nut", 300 } });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "items");
    }
}
`,
      'appsettings.json': `{
  "Logging": {
    "LogLevel": {
      "Default": "Information",
      "Microsoft.AspNetCore": "Warning"
    }
  },
  "AllowedHosts": "*",
  "ConnectionStrings": {
    "Default": "Host=localhost;Port=5432;Database=inventory;Username=postgres;Password=postgres"
  }
}
`,
      '.gitignore': 'bin/\nobj/\n',
    },
  },
];
