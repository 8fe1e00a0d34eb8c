package org.cppcc.archive.contract.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ContractOpenApiFilterTest {

    @Test
    void readsJaxRsPathsAsOpenApiTemplates() {
        assertEquals("/api/v1/speeches/{id}", ContractOpenApiFilter.normalize("/api/v1/speeches/" + "/{id: \\d+}/"));
        assertEquals("/api/v1/speeches", ContractOpenApiFilter.normalize("api/v1/speeches/"));
    }

    @Test
    void givesEveryIntegerAFormatAndItsBounds() {
        Schema page = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(100));
        Schema id = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64");
        Schema wide = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).maximum(new BigDecimal("1e12"));
        Schema object = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("page", page)
                .addProperty("ids", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(id))
                .addProperty("wide", wide);
        ContractOpenApiFilter.integerLimits(object);
        assertEquals("int32", page.getFormat());
        assertEquals(BigDecimal.ZERO, page.getMinimum(), "a stated bound stays");
        assertEquals(BigDecimal.valueOf(100), page.getMaximum());
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), id.getMaximum());
        assertEquals(BigDecimal.valueOf(Long.MIN_VALUE), id.getMinimum());
        assertEquals("int64", wide.getFormat(), "a maximum beyond int32 needs int64");
    }

    @Test
    void addsTheCommonProblemAnswersAndKeepsTheResourcesOwn() {
        Operation get = OASFactory.createOperation().operationId("getThing")
                .addParameter(OASFactory.createParameter().name("id").in(
                        org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("404",
                        OASFactory.createAPIResponse().description("No such thing")));
        Operation post = OASFactory.createOperation().operationId("createThing")
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()))
                .responses(OASFactory.createAPIResponses());
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().GET(get))
                .addPathItem("/api/v1/things", OASFactory.createPathItem().POST(post)));

        new ContractOpenApiFilter().filterOpenAPI(openAPI);

        assertEquals(List.of("400", "401", "403", "404", "406", "414", "431", "500"),
                List.copyOf(get.getResponses().getAPIResponses().keySet()));
        assertEquals("No such thing", get.getResponses().getAPIResponse("404").getDescription());
        assertEquals("#/components/schemas/Problem", get.getResponses().getAPIResponse("404").getContent()
                .getMediaType(ContractOpenApiFilter.PROBLEM_JSON).getSchema().getRef());
        assertTrue(get.getResponses().getAPIResponse("401").getContent().getMediaType(
                ContractOpenApiFilter.PROBLEM_JSON).getExamples().containsKey("401"), "the common example");
        assertEquals(List.of("400", "406", "413", "414", "415", "431", "500"),
                List.copyOf(post.getResponses().getAPIResponses().keySet()), "no 401/403 without a role");
        assertFalse(openAPI.getComponents().getSchemas().get("Problem").getProperties().isEmpty());
    }
}
