// Swagger UI over the API's OpenAPI description (a file, so the page needs no inline script).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
