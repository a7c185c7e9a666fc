package cn.dongcheng.platform.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Jackson's converter, but each JSON answer is written whole and sent with a {@code Content-Length}. The standard one
 * flushes the half-written response, which commits it as chunked: two writes on the socket and a chunk decoder on
 * the client for every small answer — measurable on the look-up path. Answers are a page at most (streams and
 * exports write to the response directly and are not affected), so holding one in memory is cheap.
 */
public class SizedJsonHttpMessageConverter extends MappingJackson2HttpMessageConverter {

    public SizedJsonHttpMessageConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }
}
